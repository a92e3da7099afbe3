-- T1 on PostgreSQL: row triggers do not fire on TRUNCATE, so the trail needs a statement trigger too.
create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_is_append_only();
