package io.storyline.enrich.eval.timex;

/** A TIMEX3 annotated in a TimeML document's text: character span into the plain text, TIMEX3 type and value. */
record GoldTimex(int start, int end, String type, String value) {
}
