package com.certportal.order;

/** C2: the member confirmed cancelling the order it was shown at {@code versionShown}. */
public record CancelOrder(String orderNumber, long versionShown) implements OrderCommand {}
