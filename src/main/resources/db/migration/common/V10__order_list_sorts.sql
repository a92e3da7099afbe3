-- D3, issue 10: the list sorts by placement, first issue and expiry, filters orders expiring soon,
-- and pages by keyset (after the last order shown), never by offset. Each filter with each sort is
-- served by an index that starts with the account.

-- D3: the current certificate's expiry, kept on the order (CertificateOrder.certificatesChanged).
alter table certificate_order add column expires_at timestamp(6) with time zone;
update certificate_order o set expires_at =
    (select max(c.expires_at) from certificate c where c.order_id = o.id and c.status = 'VALID');

drop index certificate_order_account_status;
create index certificate_order_account_status_newest on certificate_order (account_id, status, created_at desc, id desc);
create index certificate_order_account_first_issued on certificate_order (account_id, first_issued_at desc, id desc);
create index certificate_order_account_expiry on certificate_order (account_id, expires_at, id);
create index certificate_order_account_status_expiry on certificate_order (account_id, status, expires_at, id);
create index certificate_order_requester_expiry on certificate_order (requester_id, expires_at, id);
