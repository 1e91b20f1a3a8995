package io.storyline.ingest.clean;

import java.util.List;
import java.util.Optional;

/**
 * The families of debris ingest removes from article text. Each rule describes a family by its shape (a counter in
 * parentheses, a credit in parentheses at the end of a short line, a row of sharing verbs…) rather than by the
 * strings of one site, and in the languages Storyline's feeds commonly use.
 */
public final class DebrisRules {

    private static final String CREDIT_WORDS = "photo|photos|photograph|image|images|picture|pic|video|"
            + "illustration|graphic|graphics|credit|credits|file photo|ảnh|foto|fotos|фото|bild|imagen";

    private static final List<DebrisRule> RULES = List.of(
            // "Comment (0)", "Comments (12)", "12 comments", "Bình luận (3)", "Leave a comment".
            DebrisRule.of("comments", 60, "(\\d+\\s+)?((pending|new)\\s+)?(comments?|bình luận|kommentare?|commentaires?|comentarios?|"
                    + "коммента\\w*)\\s*(\\(\\s*\\d+\\s*\\)|:\\s*\\d+)?"),
            DebrisRule.of("comments", 60, "(leave|add|post|write|view|show|read|see|load)\\s+(a|all|\\d+)?\\s*"
                    + "(comments?|repl(y|ies))\\b.*"),
            // "Share", "Share this article", "Facebook Twitter Email", "Tweet | Print".
            DebrisRule.of("sharing", 120, "((share( this| on)?( article| story| page| post)?|tweet|email|e-mail|"
                    + "print|save|bookmark|like|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|"
                    + "copy link|zalo|messenger|google\\+?|more|sms|teilen|partager|compartir|condividi|chia sẻ|поделиться)[\\s|,/•·:-]*){1,8}"),
            DebrisRule.of("sharing", 80, "on\\s+(twitter|facebook|instagram|x|telegram|tiktok|youtube)"
                    + "\\s*:?"),
            DebrisRule.of("sharing", 80, "like this:.*"),
            // "Russia's missile on display. (Photo: Agency)", "(AP Photo/Name)", "Photo: Agency".
            DebrisRule.of("photo-caption", 400, ".*\\(\\s*(\\p{L}+\\s+)?(" + CREDIT_WORDS + ")\\s*[:/]\\s*[^()]{1,100}\\)"
                    + "\\s*\\.?"),
            DebrisRule.of("photo-caption", 160, "(" + CREDIT_WORDS + ")(\\s+(credit|source|by))?\\s*[:/©]\\s*.+"),
            DebrisRule.of("photo-caption", 160, ".*\\|\\s*(photo|image|ảnh|foto)\\s*:\\s*.+"),
            // Some CMSs credit a picture with "(Source: Agency)"; only a caption is that short.
            DebrisRule.of("photo-caption", 160, ".*\\(\\s*source\\s*:\\s*[^()]{1,60}\\)\\s*\\.?"),
            // Players and galleries: "Please enable JavaScript to watch this video", "1:20 Mayor visits the shelter".
            DebrisRule.of("media-player", 130, "(please\\s+)?enable javascript.*|your browser does not support.*|"
                    + "(this )?video (is )?(not |no longer |currently )?(un)?available.*|(watch|play) (the )?video|"
                    + "photos|videos|gallery|(open|view)( as)? (gallery|list|slideshow).*|loading(\\.\\.\\.|…)?|"
                    // A playlist entry: a short duration, then a title; live-blog entries are sentences and end so.
                    + "\\d:\\d{2}(?!\\s*[ap]\\.?\\s?m\\b)\\s+\\p{L}.*[^.!?\"”]|"
                    // A player's controls and counters, each alone on its line.
                    + "\\d{1,2}(:\\d{2}){1,2}(\\s*/\\s*\\d{1,2}(:\\d{2}){1,2})?|pause|play|replay|mute|unmute|"
                    + "(exit )?full ?screen|now playing|up next|next up|skip( ad)?|(closed )?captions|autoplay"),
            // Site widgets: notification sign-ups, cookie banners.
            DebrisRule.of("page-widget", 160, "(your|there was a problem saving your|manage( your)?) notifications?\\b.*|"
                    + "email notifications? (are|is) .*|(we|this (web)?site) uses? cookies.*|accept (all )?cookies.*|"
                    + "an error (has )?occurred.*|please try again( later)?\\.?"),
            // "Read more: …", "Related articles", "See also".
            DebrisRule.of("related-links", 200, "(read more|read also|also read|read next|related( articles?| "
                    + "stories| news| content)?|see also|more on this( story)?|recommended( for you)?|most read|"
                    + "you (may|might) also like|trending|xem thêm|tin liên quan|lesen sie auch|lire aussi|"
                    + "leer más)(\\s*[:»>|-].*)?"),
            DebrisRule.of("tags", 300, "(tags?|keywords|topics|từ khóa|schlagwörter|mots-clés)\\s*:.*"),
            DebrisRule.of("copyright", 200, "\\(?(©|\\(c\\)\\s*\\d{4}|copyright\\s*(©|\\(c\\)|\\d{4})).*"),
            DebrisRule.of("copyright", 200, ".*\\ball rights reserved\\.?"),
            DebrisRule.of("advertising", 60, "(advertisement|advertising|sponsored( content)?|ad|ads by \\S+|"
                    + "scroll to continue( with content)?|story continues below( advertisement)?|"
                    + "article continues (below|after advertisement)|quảng cáo|anzeige|publicité|publicidad)\\.?"),
            DebrisRule.of("subscription", 200, "(sign up|subscribe|join our (newsletter|channel)|get our newsletter|"
                    + "download (our|the) app|follow us on|get the latest news)\\b.*|follow \\S+\\s*:.*"),
            DebrisRule.of("credits", 300, "\\(?\\s*(reporting by|writing by|editing by|additional reporting by|"
                    + "compiled by)\\b.*"));

    private DebrisRules() {
    }

    public static List<DebrisRule> all() {
        return RULES;
    }

    /** The family a line belongs to, when it is debris. */
    public static Optional<String> familyOf(String line) {
        for (DebrisRule rule : RULES) {
            if (rule.matches(line)) {
                return Optional.of(rule.family());
            }
        }
        return Optional.empty();
    }
}
