-- D2: each issuing CA's current CRL, kept so that every instance answers the same bytes until it is
-- made again (within a minute of a revocation, and a day before its nextUpdate). CRL numbers come
-- from one sequence, so they only ever grow, across restarts and instances.
create sequence crl_number_seq start with 1;

create table published_crl (
    family      varchar(32)      not null primary key,
    crl_number  bigint           not null,
    this_update timestamp(6) with time zone not null,
    next_update timestamp(6) with time zone not null,
    der_base64  varchar(4000000) not null,
    stale       boolean          not null,
    version     bigint           not null
);

create index certificate_revoked_by_family on certificate (ca_family, status);
create index certificate_by_serial on certificate (serial_number);
