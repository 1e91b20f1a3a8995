package io.storyline.enrich.dates;

/** The tense of the clause a date sits in: it decides whether "Friday" or "August" lies behind or ahead. */
enum Tense { PAST, PRESENT, FUTURE, NONE }
