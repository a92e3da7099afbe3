package com.certportal.validation;

/** V2: a validation agent approves or rejects an account's organization, with a note. */
public record DecideOrganization(long validationId, boolean approve, String note) {}
