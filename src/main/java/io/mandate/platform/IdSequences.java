package io.mandate.platform;

import net.java.ao.RawEntity;

import java.util.Optional;

/**
 * Rows written with the ids they had (a backup going back in), on a database that then goes on handing out fresh ids
 * after them. Active Objects writes a given id as it is on every database it supports; what differs is what the
 * database's id generator does next — some move past the highest id written, PostgreSQL's sequences do not, and
 * Oracle's insert trigger replaces any id given.
 */
public interface IdSequences {

    /** Why this database cannot take rows with their ids (its product name), or empty when it can. */
    Optional<String> whyIdsCannotBeKept();

    /** After rows up to {@code maxId} were written with their ids: the next id the table hands out is above it. */
    void continueAfter(Class<? extends RawEntity<?>> entity, int maxId);
}
