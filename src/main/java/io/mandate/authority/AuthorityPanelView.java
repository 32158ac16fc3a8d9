package io.mandate.authority;

import io.mandate.decision.Decision;
import io.mandate.platform.IssueRef;
import io.mandate.platform.PersonLabel;
import io.mandate.platform.Principal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the authority panel shows of one issue, as plain maps, lists and strings (the host's Velocity escapes every
 * one of them): the issue's domain (or the tie, or none), whether the decision's domain was set by hand, who may
 * approve (with their backups), the co-deciders (AGREE), who must be consulted (CONSULT), who is told (TELL, SELL),
 * who is away and who stands in, and — for a mentee looking — whom they shadow.
 *
 * <p>Built from {@link AuthorityService#match} and {@link AuthorityService#authorityIn} alone, so it reads only the
 * matrix's cluster caches (domains, the domain's grants, the absences of its holders): warm, no statement.
 * Sentences are worded here through {@link Texts}, so the template only places them.
 */
final class AuthorityPanelView {

    /** The plugin's texts in the viewer's language. */
    interface Texts {
        String get(String key, String... args);
    }

    private final AuthorityService authority;
    private final Texts texts;

    AuthorityPanelView(AuthorityService authority, Texts texts) {
        this.authority = authority;
        this.texts = texts;
    }

    Map<String, Object> build(IssueRef issue, Optional<Decision> decision, Optional<String> viewerKey) {
        Map<String, Object> view = new LinkedHashMap<>();
        String domainKey = null;
        boolean byHand = false;
        if (decision.isPresent() && decision.get().domainSetByHand() && decision.get().domain() != null
                && authority.domain(decision.get().domain()).isPresent()) {
            domainKey = decision.get().domain();
            byHand = true;
        } else {
            DomainMatch match = authority.match(issue);
            if (match.isTie()) {
                view.put("tie", texts.get("mandate.authority.panel.tie", String.join(", ", match.winners())));
                return view;
            }
            domainKey = match.domain().orElse(null);
        }
        if (domainKey == null) {
            view.put("none", true);
            return view;
        }
        Domain domain = authority.domain(domainKey).orElseThrow();
        view.put("domainKey", domain.key());
        view.put("domainName", domain.name());
        view.put("byHand", byHand);

        EffectiveAuthority in = authority.authorityIn(domain.key());
        List<Grant> grants = in.validGrants(); // strongest first
        List<Map<String, Object>> approvers = new ArrayList<>();
        List<Map<String, Object>> coDeciders = new ArrayList<>();
        List<Map<String, Object>> consulted = new ArrayList<>();
        List<Map<String, Object>> told = new ArrayList<>();
        java.util.Set<Principal> listed = new java.util.HashSet<>();
        for (Grant g : grants) {
            if (!listed.add(g.holder())) {
                continue; // each holder once, under their strongest grant (as GET /authority/{issueKey} lists them)
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("holder", holder(g.holder()));
            row.put("level", g.level().name());
            row.put("backup", g.backupKey() == null ? null : name(g.backupKey()));
            if (g.level().mayApprove()) {
                approvers.add(row);
            } else if (g.level() == Level.AGREE) {
                coDeciders.add(row);
            } else if (g.level() == Level.CONSULT) {
                consulted.add(row);
            } else {
                told.add(row);
            }
        }
        view.put("approvers", approvers);
        view.put("coDeciders", coDeciders);
        view.put("consulted", consulted);
        view.put("told", told);
        view.put("empty", grants.isEmpty());
        view.put("absences", absences(in, grants));
        view.put("shadows", viewerKey.map(v -> shadows(grants, v)).orElse(List.of()));
        return view;
    }

    /** "Carol is away until 2027-01-05; Dave stands in" — and an away approver nobody stands in for. */
    private List<String> absences(EffectiveAuthority in, List<Grant> grants) {
        List<String> lines = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (EffectiveAuthority.StandIn s : in.standIns()) {
            String holder = s.grant().holder().id();
            String line = texts.get("mandate.authority.panel.standIn", name(holder), s.until().toString(), name(s.backupKey()));
            if (!lines.contains(line)) {
                lines.add(line);
            }
            covered.add(holder);
        }
        LocalDate today = authority.today();
        for (Grant g : grants) {
            if (g.level().mayApprove() && g.holder().isUser() && !covered.contains(g.holder().id())) {
                Optional<LocalDate> away = authority.awayUntil(g.holder().id(), today);
                if (away.isPresent()) {
                    lines.add(texts.get("mandate.authority.panel.awayNoStandIn", name(g.holder().id()), away.get().toString()));
                    covered.add(g.holder().id());
                }
            }
        }
        return lines;
    }

    /** "You shadow Alice in this domain", for each grant whose mentee is the viewer. */
    private List<String> shadows(List<Grant> grants, String viewerKey) {
        List<String> lines = new ArrayList<>();
        for (Grant g : grants) {
            if (viewerKey.equals(g.menteeKey())) {
                String line = texts.get("mandate.authority.panel.shadow", holder(g.holder()));
                if (!lines.contains(line)) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private String holder(Principal p) {
        return p.isUser() ? name(p.id()) : texts.get("mandate.authority.panel.group", p.id());
    }

    /** The person's display name, marked "(inactive)" or — by the stored key — "(deleted)" when they may not act. */
    private String name(String userKey) {
        return PersonLabel.display(authority.stored(userKey), texts::get);
    }
}
