package dev.eventsuite.vectors.store;

/**
 * A collection in the store.
 *
 * @param name its name
 * @param chunks how many chunks it holds
 * @param model the embedding model (id and version) its chunks were embedded with; when several,
 *     the one most chunks use
 */
public record CollectionInfo(String name, long chunks, String model) {}
