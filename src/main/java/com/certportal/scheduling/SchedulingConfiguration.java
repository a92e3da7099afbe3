package com.certportal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Runs every {@link RecurringJob} under db-scheduler, chosen over ShedLock because it keeps the jobs
 * themselves in the database (each job one row, picked by one instance at a time with an optimistic
 * update, heartbeats, a dead instance's pick released), rather than only a lock around Spring's
 * scheduler, and it can also hold one-time executions if a rule needs them. Tests switch it off and
 * run jobs on demand (`certportal.scheduling.enabled=false`).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certportal.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

    @Bean
    SchedulerLifecycle jobScheduler(DataSource dataSource, List<RecurringJob> jobs) {
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.every()))
                        .execute((instance, context) -> job.run()))
                .toList();
        Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource))
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(RecurringJob.POLLING_INTERVAL)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        return new SchedulerLifecycle(scheduler);
    }

    /** Starts the scheduler once the application is ready to work, and stops it first at shutdown. */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
