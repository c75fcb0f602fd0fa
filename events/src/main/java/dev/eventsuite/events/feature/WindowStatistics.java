package dev.eventsuite.events.feature;

/**
 * Statistics of a metric's values in one trailing window of event time.
 *
 * @param count values in the window
 * @param mean their mean
 * @param stdDev their sample standard deviation; 0 for fewer than two values
 * @param min the smallest
 * @param max the largest
 */
public record WindowStatistics(long count, double mean, double stdDev, double min, double max) {}
