/**
 * Alerts: at the end of a sync, the rules of spoke.yml's {@code alerts:} that the run sets off
 * ({@link dev.spoke.report.alert.AlertEvaluator}) each post a summary (counts and the first reasons,
 * {@link dev.spoke.report.alert.AlertSummary}) to a Slack incoming webhook or to a webhook connection, through the
 * delivery layer's retries ({@link dev.spoke.report.MessageDelivery}). {@link dev.spoke.report.alert.AlertDispatcher}
 * is the entry point. A failed alert is logged; it never changes the run's exit code.
 */
package dev.spoke.report.alert;
