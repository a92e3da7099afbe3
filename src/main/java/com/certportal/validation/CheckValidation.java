package com.certportal.validation;

/** V4: "check now" on an order's pending file and DNS validations (nothing else changes: no version). */
public record CheckValidation(String orderNumber) {}
