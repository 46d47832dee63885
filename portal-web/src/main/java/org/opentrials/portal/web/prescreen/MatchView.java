package org.opentrials.portal.web.prescreen;

import java.io.Serializable;

/** One trial in "Which trials might fit me?": its verdict for the visitor and how far it is. */
public record MatchView(String nct, String title, String verdict, String verdictText, Double miles)
    implements Serializable {}
