-- Issue 10, item 8: one account ("Bench Corp") with :orders orders, made in SQL in seconds, shaped like a
-- real customer's: mixed statuses, products and payments, 1 to 6 names per order, 40 requesters,
-- certificates (with their PEM) for issued and revoked orders, a reissue on every tenth, history rows
-- (the order page shows them), requests waiting for approval, domain validations for pending orders,
-- and a CSR on every order. About a quarter of the names end in example.net and most start with www,
-- so a broad search has many hits. Orders are spread evenly over three years, so every filter keeps
-- the same share of the account at 10,000 and at 1,000,000 orders.
--
-- Run by bench/run on a freshly migrated database (the portal's own Flyway migrations):
--   psql -v orders=1000000 -v csr_file=... -v pem_file=... -f bench/generate.sql
-- Not a migration and never run against a real database.

\set ON_ERROR_STOP on
\timing on
set maintenance_work_mem = '512MB';
set synchronous_commit = off;
create extension if not exists pgcrypto;

\set csr `cat :csr_file`
\set pem `cat :pem_file`

-- A pseudo-random but repeatable number in [0, m) for order g: the same data on every run.
create function pg_temp.r(g bigint, salt int, m int) returns int language sql immutable
    as $$ select ((hashint8(g * 1000 + salt) & 2147483647) % m)::int $$;

insert into account (name, created_at) values ('Bench Corp', now() - interval '4 years') returning id as account_id \gset

insert into member (account_id, email, display_name, role, password_hash, time_zone, language, created_at)
select :account_id, email, name, role, '{bcrypt}' || crypt('bench-password', gen_salt('bf', 10)),
       'Asia/Tokyo', 'ja', now() - interval '4 years'
from (values ('bench-admin@bench.example', 'Bench Admin', 'ADMINISTRATOR'),
             ('bench-finance@bench.example', 'Bench Finance', 'FINANCE_MANAGER')) m (email, name, role);
select id as admin_id from member where email = 'bench-admin@bench.example' \gset

-- 40 requesters; their orders are spread evenly among them.
create temp table requester as
select n, :account_id::bigint as account_id,
       'user' || lpad(n::text, 2, '0') || '@bench-' || (array['tokyo', 'osaka', 'nagoya', 'fukuoka'])[n % 4 + 1]
           || '.example.co.jp' as email
from generate_series(1, 40) n;
insert into member (account_id, email, display_name, role, password_hash, time_zone, language, created_at)
select account_id, email, 'Requester ' || n, 'USER', '{bcrypt}' || crypt('bench-password', gen_salt('bf', 4)),
       'Asia/Tokyo', 'ja', now() - interval '4 years'
from requester;
alter table requester add column member_id bigint;
update requester r set member_id = m.id from member m where m.email = r.email;

insert into enterprise_unit (account_id, name, licences_available, version)
values (:account_id, 'Bench unit', 100000, 0) returning id as unit_id \gset

-- Every attribute of every order, drawn once.
create temp table gen as
select g,
       now() - ((:orders - g)::float8 / :orders) * interval '1095 days' - interval '1 hour' as created_at,
       'h' || lpad(g::text, 7, '0') as label,
       pg_temp.r(g, 1, 100) as st,
       pg_temp.r(g, 2, 100) as pr,
       pg_temp.r(g, 3, 100) as dm,
       pg_temp.r(g, 4, 40) + 1 as requester_n,
       pg_temp.r(g, 5, 10) as extra_names,
       pg_temp.r(g, 6, 100) as pay,
       pg_temp.r(g, 7, 10) as host,
       pg_temp.r(g, 8, 48) + 1 as issue_hours,
       pg_temp.r(g, 9, 10) = 0 as reissued,
       pg_temp.r(g, 10, 100) as waiting
from generate_series(1, :orders) g;

alter table gen add column domain text, add column status text, add column product text;
update gen set
    domain = label || case when dm < 25 then '.example.net' when dm < 40 then '.example.com'
                           when dm < 50 then '.example.co.jp' when dm < 70 then '.co.jp'
                           when dm < 85 then '.com' else '.net' end,
    status = case
        when created_at > now() - interval '14 days' then
            case when st < 40 then 'PENDING' when st < 48 then 'NEEDS_APPROVAL' else 'ISSUED' end
        when st < 72 then 'ISSUED' when st < 82 then 'REVOKED' when st < 88 then 'CANCELED'
        when st < 92 then 'PENDING' when st < 94 then 'NEEDS_APPROVAL' when st < 97 then 'REJECTED'
        else 'WITHDRAWN' end,
    product = case when pr < 40 then 'TLS_DV' when pr < 70 then 'TLS_OV' when pr < 80 then 'TLS_EV'
                   when pr < 88 then 'CODE_SIGNING' when pr < 92 then 'EV_CODE_SIGNING'
                   when pr < 96 then 'DOCUMENT_SIGNING' else 'PRIVATE' end;
alter table gen add column server boolean, add column cn text, add column sans text,
    add column first_issued_at timestamptz, add column validity_years int;
update gen set
    server = product in ('TLS_DV', 'TLS_OV', 'TLS_EV'),
    cn = (array['www.', 'www.', 'www.', 'www.', 'api.', 'shop.', 'portal.', 'mail.', '', 'vpn.'])[host + 1] || domain,
    first_issued_at = case when status in ('ISSUED', 'REVOKED') then created_at + issue_hours * interval '1 hour' end,
    validity_years = case when product in ('CODE_SIGNING', 'EV_CODE_SIGNING', 'DOCUMENT_SIGNING') then 1 + g % 3 else 1 end;
update gen set sans = case when not server then cn else
    concat_ws(chr(10), cn,
              case when host < 4 then domain end,
              case when extra_names >= 4 then 'mail.' || domain end,
              case when extra_names >= 7 then 'dev.' || domain end,
              case when extra_names >= 9 then 'static.' || domain end,
              case when extra_names >= 9 then 'cdn.' || domain end) end;

-- Bulk load without the secondary indexes, then build them again exactly as the migrations defined them.
create temp table saved_index as
select indexname, indexdef from pg_indexes
where schemaname = 'public'
  and tablename in ('certificate_order', 'certificate', 'audit_record', 'approval_request', 'domain_validation')
  and indexname not in (select conname from pg_constraint);
-- Foreign keys too: checking each row costs more than checking the whole table once at the end.
create temp table saved_foreign_key as
select conrelid::regclass::text as tablename, conname, pg_get_constraintdef(oid) as definition from pg_constraint
where contype = 'f'
  and conrelid::regclass::text in ('certificate_order', 'certificate', 'audit_record', 'approval_request', 'domain_validation');
do $$ declare i record; begin
    for i in select indexname from saved_index loop execute 'drop index ' || quote_ident(i.indexname); end loop;
    for i in select * from saved_foreign_key loop
        execute format('alter table %I drop constraint %I', i.tablename, i.conname);
    end loop;
end $$;

insert into certificate_order (order_number, account_id, requester_id, product, validity_years, request_type,
    server_platform, common_name, subject_alt_names, status, first_issued_at, payment_method, paid, price,
    currency, enterprise_unit_id, licences, canceled_at, revoked_at, revocation_reason, treated_as_cancellation,
    refund_route, refund_routed_at, csr_pem, dcv_method, placed_at, expires_at, version, created_at, updated_at)
select (20000000 + g)::text, :account_id, r.member_id, product, validity_years,
       case when g % 7 = 0 then 'RENEWAL' else 'NEW' end,
       case when server then (array['APACHE', 'NGINX', 'MICROSOFT_IIS', 'TOMCAT', 'OTHER'])[g % 5 + 1]
            else 'NOT_APPLICABLE' end,
       cn, sans, status, first_issued_at,
       case when pay < 60 then 'CREDIT_CARD' when pay < 90 then 'BANK_TRANSFER' else 'ENTERPRISE_UNIT' end,
       pay < 60 or pay >= 90 or status in ('ISSUED', 'REVOKED'),
       case product when 'TLS_DV' then 10000 when 'TLS_OV' then 60000 when 'TLS_EV' then 120000
                    when 'CODE_SIGNING' then 80000 when 'EV_CODE_SIGNING' then 120000
                    when 'DOCUMENT_SIGNING' then 50000 else 5000 end * validity_years,
       'JPY',
       case when pay >= 90 then :unit_id end,
       1, -- server licences (at least one since V12_1); an enterprise unit gave one licence
       case when status = 'CANCELED' then created_at + interval '3 days' end,
       case when status = 'REVOKED' then first_issued_at + (g % 200) * interval '1 day' end,
       case when status = 'REVOKED' then (array['KEY_COMPROMISE', 'CESSATION_OF_OPERATION', 'SUPERSEDED',
                                               'UNSPECIFIED'])[g % 4 + 1] end,
       status = 'REVOKED' and g % 200 <= 30,
       case when status = 'CANCELED' or (status = 'REVOKED' and g % 200 <= 30) then
           case when pay < 60 then 'CARD_COMPANY' when pay < 90 then 'REFUND_CASE_OPENED'
                else 'LICENCES_RETURNED' end end,
       case when status = 'CANCELED' then created_at + interval '3 days'
            when status = 'REVOKED' and g % 200 <= 30 then first_issued_at + (g % 200) * interval '1 day' end,
       :'csr',
       case when server then (array['EMAIL', 'DNS_TXT', 'HTTP_FILE'])[g % 3 + 1] end,
       created_at,
       case when status = 'ISSUED' then
           first_issued_at + case when server then interval '397 days' else validity_years * interval '365 days' end
       end,
       0, created_at, coalesce(first_issued_at, created_at)
from gen join requester r on r.n = gen.requester_n
order by g;

create temp table issued as
select o.id as order_id, o.status, o.first_issued_at, o.expires_at, o.common_name, o.subject_alt_names,
       o.product, o.requester_id, o.order_number, o.revoked_at, o.revocation_reason, gen.reissued, gen.g
from certificate_order o join gen on o.order_number = (20000000 + gen.g)::text
where o.account_id = :account_id and o.status in ('ISSUED', 'REVOKED');

-- The first certificate of each issued or revoked order, and a reissue on every tenth.
insert into certificate (certificate_id, order_id, serial_number, common_name, subject_alt_names, status,
    issued_at, expires_at, revoked_at, revocation_reason, pem, not_before, ca_family)
select (400000000 + c.n)::text, c.order_id, '7f' || lpad(to_hex(c.n), 18, '0'), c.common_name,
       c.subject_alt_names, c.cert_status, c.issued_at, c.issued_at + (c.ends - c.first_issued_at),
       c.cert_revoked_at, c.cert_reason, :'pem', c.issued_at,
       case when c.product in ('TLS_DV', 'TLS_OV', 'TLS_EV') then 'TLS'
            when c.product in ('CODE_SIGNING', 'EV_CODE_SIGNING') then 'CODE_SIGNING'
            when c.product = 'DOCUMENT_SIGNING' then 'DOCUMENT_SIGNING' else 'PRIVATE' end
from (
    select row_number() over (order by i.order_id, v.k) as n, i.*, v.k,
           i.first_issued_at + v.k * interval '30 days' as issued_at,
           case when i.status = 'REVOKED' or (i.reissued and v.k = 0) then 'REVOKED' else 'VALID' end as cert_status,
           case when i.status = 'REVOKED' then i.revoked_at
                when i.reissued and v.k = 0 then i.first_issued_at + interval '32 days' end as cert_revoked_at,
           case when i.status = 'REVOKED' then i.revocation_reason
                when i.reissued and v.k = 0 then 'SUPERSEDED' end as cert_reason
    from (select *, coalesce(expires_at, first_issued_at + interval '397 days') as ends from issued) i
    cross join lateral (select 0 as k union all select 1 where i.reissued) v
) c (n, order_id, status, first_issued_at, expires_at, common_name, subject_alt_names, product, requester_id,
     order_number, revoked_at, revocation_reason, reissued, g, ends, k, issued_at, cert_status, cert_revoked_at,
     cert_reason)
order by c.n;
-- A reissued order's current certificate is the reissue: its expiry is the order's.
update certificate_order o set expires_at = c.expires_at
from certificate c
where c.order_id = o.id and o.status = 'ISSUED' and c.status = 'VALID' and c.issued_at > o.first_issued_at;

-- T1: the history the order page shows (placed, issued, reissued, canceled, revoked).
insert into audit_record (account_id, order_id, order_number, actor_id, actor_email, action, outcome, from_status,
    to_status, reason, occurred_at)
select :account_id, o.id, o.order_number, e.actor, m.email, e.action, 'DONE', e.from_status, e.to_status, e.reason,
       e.at
from certificate_order o
cross join lateral (values
    (o.requester_id, 'ORDER_PLACED', null, case when o.status in ('NEEDS_APPROVAL', 'REJECTED', 'WITHDRAWN')
                                               then 'NEEDS_APPROVAL' else 'PENDING' end, null, o.created_at),
    (case when o.first_issued_at is not null then :admin_id end, 'ORDER_ISSUED', 'PENDING', 'ISSUED', null,
     o.first_issued_at),
    (case when o.canceled_at is not null then o.requester_id end, 'ORDER_CANCELED', 'PENDING', 'CANCELED', null,
     o.canceled_at),
    (case when o.revoked_at is not null then :admin_id end, 'ORDER_REVOKED', 'ISSUED', 'REVOKED',
     o.revocation_reason, o.revoked_at)
) e (actor, action, from_status, to_status, reason, at)
join member m on m.id = e.actor
where o.account_id = :account_id;
insert into audit_record (account_id, order_id, order_number, actor_id, actor_email, action, outcome, occurred_at)
select :account_id, i.order_id, i.order_number, :admin_id, 'bench-admin@bench.example', 'CERTIFICATE_REISSUED',
       'DONE', i.first_issued_at + interval '30 days'
from issued i where i.reissued;

-- O4: every order request waits for an administrator; R7: one issued order in a hundred has a revocation waiting.
insert into approval_request (order_id, account_id, requester_id, kind, reason, submitted_at, status, version)
select o.id, :account_id, o.requester_id, 'NEW_ORDER', null, o.created_at, 'NEEDS_APPROVAL', 0
from certificate_order o where o.account_id = :account_id and o.status = 'NEEDS_APPROVAL';
insert into approval_request (order_id, account_id, requester_id, kind, reason, submitted_at, status, version)
select o.id, :account_id, o.requester_id, 'REVOCATION', 'KEY_COMPROMISE', now() - interval '1 day',
       'NEEDS_APPROVAL', 0
from certificate_order o join gen on o.order_number = (20000000 + gen.g)::text
where o.account_id = :account_id and o.status = 'ISSUED' and gen.waiting = 0;

-- V1: a pending order's names wait for validation, by email: the background re-check (V4) of file and DNS
-- validations would otherwise look the generated names up on the network during the measurement.
insert into domain_validation (account_id, order_id, name, method, token, status, created_at, token_expires_at,
    checks, version)
select :account_id, o.id, gen.domain, 'EMAIL', md5('bench' || gen.g), 'PENDING',
       o.created_at, o.created_at + interval '30 days', 0, 0
from certificate_order o join gen on o.order_number = (20000000 + gen.g)::text
where o.account_id = :account_id and o.status = 'PENDING' and o.dcv_method is not null;

do $$ declare i record; begin
    for i in select indexdef from saved_index loop execute i.indexdef; end loop;
    for i in select * from saved_foreign_key loop
        execute format('alter table %I add constraint %I %s', i.tablename, i.conname, i.definition);
    end loop;
end $$;

select count(*) as orders,
       count(*) filter (where status = 'ISSUED') as issued,
       count(*) filter (where status = 'PENDING') as pending,
       count(*) filter (where subject_alt_names like '%example.net%') as example_net
from certificate_order where account_id = :account_id;
