package com.certportal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** M3: the delay grows from the fifth failure, doubling, and stops growing at fifteen minutes. */
class ThrottlePolicyTest {

    @Test
    void fourFailuresCostNothingThenThirtySecondsDoublingUpToFifteenMinutes() {
        assertThat(ThrottlePolicy.delayAfter(1)).isZero();
        assertThat(ThrottlePolicy.delayAfter(4)).isZero();
        assertThat(ThrottlePolicy.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ThrottlePolicy.delayAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottlePolicy.delayAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ThrottlePolicy.delayAfter(8)).isEqualTo(Duration.ofMinutes(4));
        assertThat(ThrottlePolicy.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(ThrottlePolicy.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ThrottlePolicy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }
}
