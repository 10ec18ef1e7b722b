package io.replicator.s3sync;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Notices an endpoint that died mid-run: counts requests to one endpoint that failed, after all
 * their retries, because no connection could be made (refused, connect timeout, no route, unknown
 * host); any request that got an answer resets the count. After {@link #LIMIT} in a row the run
 * stops (nothing deleted) instead of spending every object's retries on a dead endpoint: a run of
 * 1,000 objects took 380 s to fail that way. Connect failures only, so the endpoint named is the
 * one that failed (a reset while streaming could come from either side).
 */
final class EndpointWatch implements ExecutionInterceptor {
    static final int LIMIT = 5;
    /** The SDK's Apache client signals a connect timeout with this (not a ConnectException). */
    private static final String APACHE_CONNECT_TIMEOUT = "org.apache.http.conn.ConnectTimeoutException";

    private final String endpoint;
    private final AtomicInteger consecutive = new AtomicInteger();
    private volatile String verdict;

    /** @param endpoint how messages name it: role, remote and URL */
    EndpointWatch(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        consecutive.set(0);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!cannotConnect(context.exception())) {
            consecutive.set(0);
        } else if (consecutive.incrementAndGet() >= LIMIT && verdict == null) {
            verdict = "stopping the run: " + endpoint + " refused or did not take connections for " + LIMIT
                    + " requests in a row (each after its retries); nothing was deleted";
        }
    }

    /** Why the run must stop, or null while the endpoint answers. */
    String verdict() {
        return verdict;
    }

    static boolean cannotConnect(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException || c instanceof UnknownHostException
                    || c.getClass().getName().equals(APACHE_CONNECT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
