/**
 * Live progress lines on a terminal: one line per export and destination (rows done, of how many when counting was
 * cheap, rows per second, time left), redrawn in place on stderr. {@link dev.spoke.report.progress.Terminal} decides
 * whether stderr is a terminal; nothing here writes anything when it is not.
 */
package dev.spoke.report.progress;
