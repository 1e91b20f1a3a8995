package io.storyline.enrich.entities;

/**
 * A demonym: "Ukrainian", "Britons".
 *
 * @param adjective the adjective form, which serves as canonical name
 * @param country   canonical name of the country or area it refers to
 */
record Nationality(String adjective, String country) {
}
