package com.certportal.approval;

/** A2, O4: an administrator approves or rejects a waiting request, with an optional comment. */
public record DecideRequest(long requestId, Decision decision, String comment) {

    public enum Decision {
        APPROVE,
        REJECT
    }
}
