package io.mandate.accountability;

/**
 * The words of one chart, already in the viewer's language: the caller translates, {@link Charts} only escapes.
 * The title and the description become the SVG's {@code <title>} and {@code <desc>}, the accessible name and
 * description a screen reader announces (the table beside the chart carries the same numbers).
 *
 * @param idPrefix    locale-free start of the chart's element ids, e.g. the project key; null or blank for the
 *                    default {@code mandate}. The chart appends its kind ({@code -load}, {@code -trend},
 *                    {@code -coverage}), so one prefix serves the three charts of one report; two reports on one
 *                    page need two prefixes. Characters that may not stand in an XML id become {@code _}.
 * @param title       the chart's title; null is taken as empty
 * @param description what the chart shows, in a sentence or two; null is taken as empty
 */
public record ChartText(String idPrefix, String title, String description) {
}
