-- V2 on PostgreSQL: at most one organization validation waits per account, even if two orders race.
create unique index organization_validation_one_pending on organization_validation (account_id) where status = 'PENDING';
