package com.certportal.reissue;

import com.certportal.order.OrderCommand;

/** K4: cancel the reissue that waits for validation on this order. */
public record CancelReissue(String orderNumber, long versionShown) implements OrderCommand {}
