package com.certportal.action;

/** A malformed URL or parameter: answered with the 400 page, never a stack trace. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String detail) {
        super(detail);
    }
}
