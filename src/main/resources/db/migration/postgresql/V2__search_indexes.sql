-- L2 on PostgreSQL: substring search on names, emails and numbers uses trigram indexes, so a search
-- among many orders does not scan the table. pg_trgm is a trusted extension (PostgreSQL 13+), so the
-- database owner may create it.
create extension if not exists pg_trgm;

create index certificate_order_common_name_trgm on certificate_order using gin (common_name gin_trgm_ops);
create index certificate_order_sans_trgm on certificate_order using gin (subject_alt_names gin_trgm_ops);
create index certificate_order_number_trgm on certificate_order using gin (order_number gin_trgm_ops);
create index member_email_trgm on member using gin (email gin_trgm_ops);
