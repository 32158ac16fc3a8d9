package io.mandate.decision;

import io.mandate.platform.Entities;
import io.mandate.platform.GroupDirectory;
import io.mandate.platform.IssueAccess;
import io.mandate.platform.Links;
import io.mandate.platform.ProductClock;
import io.mandate.platform.ScheduledJobs;
import io.mandate.platform.Texts;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.sal.RefI18nResolver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The notification path as the plugin wires it — queue, notifier, job — over a test's database and directories, with
 * a {@link RecordingMailer} for the host's mail queue and the real i18n bundles; the job is run by the test
 * ({@link #runJob}), not by a scheduler.
 */
public final class NotificationPipeline {

    /** Stands in for the host's scheduler where a test runs the job itself. */
    public static final ScheduledJobs NO_SCHEDULER = new ScheduledJobs() {
        @Override
        public void schedule(String name, Duration interval, Instant firstRun, Supplier<String> work) {
        }

        @Override
        public void unregister(String name) {
        }
    };

    public final NotificationQueue queue;
    public final DecisionNotifier notifier;
    public final NotificationJob job;
    public final RecordingMailer mailer = new RecordingMailer();

    public NotificationPipeline(Entities entities, UserDirectory users, GroupDirectory groups, IssueAccess issues,
                                ProductClock clock) {
        queue = new NotificationQueue(entities);
        notifier = new DecisionNotifier(users, groups, texts(), links(), issues);
        job = new NotificationJob(NO_SCHEDULER, queue, notifier, mailer, clock);
    }

    public NotificationJob.Result runJob() {
        return job.send();
    }

    public List<String> mailedTo() {
        return mailer.addresses();
    }

    public static Texts texts() {
        return new Texts(new RefI18nResolver(List.of("i18n/mandate"), NotificationPipeline.class.getClassLoader()));
    }

    public static Links links() {
        return new Links(mode -> "https://jira.example.com");
    }
}
