import Foundation
import ScenarioIO

/// The "Decisions to sign" section of the horizon reports (`DecisionLists`), in HTML and in
/// Markdown: the same tables, each escaped its own way. Only a plan with named teachers has it,
/// so a report without a roster keeps its bytes.
enum DecisionListsRender {
    static func title(_ l: Labels) -> String { l("Decisions to sign") }

    /// The HTML section (id `decisions`); lists longer than `DecisionLists.foldAbove` rows are
    /// folded in a closed `<details>`.
    static func html(_ lists: DecisionLists, _ page: inout HTMLPage) {
        let e = Format.html
        let l = lists.labels
        page.line("<section id=\"decisions\">")
        page.line("<h2>\(title(l))</h2>")
        page.line("<p class=\"note\">\(e(DecisionLists.noteText(l)))</p>")
        HorizonHTML.table(lists.summary(), &page)
        for list in lists.lists {
            let count = list.rows.count
            page.line("<h3 id=\"\(list.id)\">\(e(list.title)) · \(decisions(count, l))</h3>")
            if count == 0 {
                page.line("<p class=\"note\">" + l("Nothing to sign.") + "</p>")
            } else if count > DecisionLists.foldAbove {
                page.line("<details class=\"decision-list\">")
                page.line("<summary>" + l("Show the {0} decisions", count) + "</summary>")
                HorizonHTML.table(lists.table(list), &page, heading: false)
                page.line("</details>")
            } else {
                HorizonHTML.table(lists.table(list), &page, heading: false)
            }
        }
        page.line("</section>")
    }

    /// "1 decision", "3 decisions".
    static func decisions(_ count: Int, _ l: Labels) -> String {
        count == 1 ? l("1 decision") : l("{0} decisions", count)
    }

    /// What the section adds to the page's styles.
    static let style = """
        details.decision-list { margin: 4px 0 10px; }
        details.decision-list summary { cursor: pointer; font-weight: 600; margin-bottom: 6px; }
        @media print { #decisions { break-before: page; } }

        """

    /// The Markdown section: the summary, then one table per list.
    static func markdown(_ lists: DecisionLists) -> [String] {
        let m = Format.markdown
        let l = lists.labels
        var out = ["## \(title(l))", "", m(DecisionLists.noteText(l)), ""]
        var summary = HorizonMarkdown.render(lists.summary())
        summary[0] = "### " + m(lists.summary().title)
        out += summary
        for list in lists.lists {
            let count = list.rows.count
            out += ["### \(m(list.title)) · \(decisions(count, l))", ""]
            if count == 0 {
                out += [l("Nothing to sign."), ""]
            } else {
                var table = HorizonMarkdown.render(lists.table(list))
                table.removeFirst(2)
                out += table
            }
        }
        return out
    }
}
