-- T1 on PostgreSQL: audit records are never edited or deleted, whatever the application does.
create function audit_record_is_append_only() returns trigger as $$
begin
    raise exception 'audit_record is append-only (T1): % refused', tg_op;
end;
$$ language plpgsql;

create trigger audit_record_append_only
    before update or delete on audit_record
    for each row execute function audit_record_is_append_only();

-- R7 on PostgreSQL: at most one waiting revocation request per order, even if two submissions race.
create unique index revocation_request_one_waiting on revocation_request (order_id) where status = 'NEEDS_APPROVAL';
