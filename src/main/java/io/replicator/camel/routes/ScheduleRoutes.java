package io.replicator.camel.routes;

import io.replicator.config.CronSchedule;
import io.replicator.config.JobKind;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * The routes that fire a scheduled job: one Quartz route per expression of its schedule (two when
 * it runs on a day of the month OR a day of the week). The first is {@code <kind>-<job>} with
 * trigger {@code <job>}; a second is {@code <kind>-<job>.2} with trigger {@code <job>.2} (job names
 * cannot contain a dot, so these never clash with another job's).
 */
public final class ScheduleRoutes {
    private static final char SEPARATOR = '.';

    private ScheduleRoutes() {
    }

    public static void add(CamelContext ctx, JobKind kind, String job, CronSchedule schedule, String leader) {
        List<String> expressions = schedule.quartz();
        for (int i = 0; i < expressions.size(); i++) {
            String trigger = i == 0 ? job : job + SEPARATOR + (i + 1);
            addRoute(ctx, kind, kind.spelling() + "-" + trigger, Map.of("job", job, "trigger", trigger, "cron", expressions.get(i),
                    "timeZone", schedule.zone().getId(), "leader", leader));
        }
    }

    /** The job a Quartz trigger (or job) name belongs to. */
    public static String jobOf(String triggerName) {
        int cut = triggerName.indexOf(SEPARATOR);
        return cut < 0 ? triggerName : triggerName.substring(0, cut);
    }

    /** The ids of the routes that fire a job on its schedule. */
    public static List<String> routeIds(CamelContext ctx, JobKind kind, String job) {
        String first = kind.spelling() + "-" + job;
        return ctx.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> id.equals(first) || id.startsWith(first + SEPARATOR)).toList();
    }

    /** A route from the template named after its job kind (routes/&lt;kind&gt;.camel.yaml). */
    public static void addRoute(CamelContext ctx, JobKind template, String routeId, Map<String, String> parameters) {
        try {
            TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(ctx, template.spelling()).routeId(routeId);
            parameters.forEach(b::parameter);
            b.add();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create route " + routeId + " from template " + template + ": "
                    + e.getMessage(), e);
        }
    }
}
