package io.mandate.refhost.web;

import com.atlassian.scheduler.config.JobId;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.platform.RefSchedulerService;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REFERENCE-HOST ONLY — Jira's counterpart is the admin page "Scheduler details", which can run a job now. For
 * administrators (anonymous 401, others 403):
 * <ul>
 *   <li>{@code GET /rest/refhost/1.0/scheduler/jobs}: {@code [{"jobId","runnerKey","runMode","nextRun","intervalMillis",
 *       "runnable","lastRun":{"startedAt","outcome","message"}}]};</li>
 *   <li>{@code POST /rest/refhost/1.0/scheduler/jobs/{jobId}/run}: runs the job now and answers when it is done,
 *       {@code {"jobId","startedAt","outcome","message"}} (404 for an unknown job). For a once-per-cluster job it waits
 *       for a run under way elsewhere to finish first — so a test that wrote something and runs the job sees it
 *       handled, without sleeping.</li>
 * </ul>
 */
public final class SchedulerRestServlet extends HttpServlet {

    private final ProductNode node;

    public SchedulerRestServlet(ProductNode node) {
        this.node = node;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(response)) {
            return;
        }
        if (!"/jobs".equals(request.getPathInfo())) {
            Json.error(response, 404, "No such resource.");
            return;
        }
        RefSchedulerService scheduler = node.scheduler();
        List<Map<String, Object>> jobs = scheduler.jobs().stream().map(job -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("jobId", job.id().toString());
            json.put("runnerKey", job.config().getJobRunnerKey().toString());
            json.put("runMode", job.config().getRunMode().name());
            json.put("nextRun", job.nextRun() == null ? null : job.nextRun().toString());
            json.put("intervalMillis", job.config().getSchedule().getIntervalScheduleInfo().getIntervalInMillis());
            json.put("runnable", scheduler.runnable(job));
            json.put("lastRun", job.lastRun() == null ? null : run(job.lastRun()));
            return json;
        }).toList();
        Json.write(response, 200, jobs);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(response)) {
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.startsWith("/jobs/") || !path.endsWith("/run") || path.length() <= "/jobs//run".length()) {
            Json.error(response, 404, "No such resource.");
            return;
        }
        String jobId = path.substring("/jobs/".length(), path.length() - "/run".length());
        Optional<RefSchedulerService.Run> run = node.scheduler().runNow(JobId.of(jobId));
        if (run.isEmpty()) {
            Json.error(response, 404, "No job " + jobId + " is scheduled.");
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", jobId);
        json.putAll(run(run.get()));
        Json.write(response, 200, json);
    }

    private boolean allowed(HttpServletResponse response) throws IOException {
        String user = RequestContext.current().username();
        if (user == null) {
            Json.error(response, 401, "You are not logged in.");
            return false;
        }
        if (!node.world().isAdmin(user)) {
            Json.error(response, 403, "You must be an administrator to see or run scheduled jobs.");
            return false;
        }
        return true;
    }

    private static Map<String, Object> run(RefSchedulerService.Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", run.startedAt().toString());
        json.put("outcome", run.outcome().name());
        json.put("message", run.message());
        return json;
    }
}
