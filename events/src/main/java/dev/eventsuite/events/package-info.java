/**
 * The event contracts of the suite: one record per event on each topic, the topic names, the JSON
 * mapping every service uses, CloudEvents headers, and lenient parsers for what producers send.
 *
 * <p>Fields are only ever added; readers ignore fields they do not know.
 */
package dev.eventsuite.events;
