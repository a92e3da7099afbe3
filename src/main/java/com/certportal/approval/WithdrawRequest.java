package com.certportal.approval;

/** O4: whoever submitted a waiting request takes it back. */
public record WithdrawRequest(long requestId) {}
