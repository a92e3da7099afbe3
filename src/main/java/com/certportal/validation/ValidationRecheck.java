package com.certportal.validation;

import com.certportal.scheduling.RecurringJob;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** V4: pending file and DNS validations are checked again in the background, not only on request. */
@Component
class ValidationRecheck implements RecurringJob {

    /** How many validations one run checks at most (each check may wait a few seconds). */
    static final int BATCH = 20;

    private final Validations validations;

    ValidationRecheck(Validations validations) {
        this.validations = validations;
    }

    @Override
    public String name() {
        return "validation-recheck";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        validations.recheckDue(BATCH);
    }
}
