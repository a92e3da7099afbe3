package com.certportal.audit;

/** A domain event that belongs in the trail; the trail records every such event as it is published. */
public interface Audited {

    AuditEntry auditEntry();
}
