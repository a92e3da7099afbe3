-- T1 on PostgreSQL: the record of sign-in attempts is append-only, like audit_record.
create function sign_in_attempt_is_append_only() returns trigger as $$
begin
    raise exception 'sign_in_attempt is append-only (T1): % refused', tg_op;
end;
$$ language plpgsql;

create trigger sign_in_attempt_append_only
    before update or delete on sign_in_attempt
    for each row execute function sign_in_attempt_is_append_only();

create trigger sign_in_attempt_no_truncate
    before truncate on sign_in_attempt
    for each statement execute function sign_in_attempt_is_append_only();
