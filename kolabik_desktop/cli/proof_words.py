"""The words `kolabik check` prints for the proof's findings (core/exchange/proof.py)."""

from __future__ import annotations

from kolabik_desktop.core.exchange.proof import Against, Finding, Proof

_WORDS = {
    "score.added": "in the score table ({value}, note '{note}', revision {revision}) but the "
    "audit log never wrote it: added behind the program's back",
    "score.missing": "the audit log says it holds {value} (revision {revision}) but the score "
    "table has no such row: deleted behind the program's back",
    "score.differs": "the score table holds {value} (note '{note}', revision {revision}) but the "
    "audit log says {logged_value} (note '{logged_note}', revision {logged_revision}): edited "
    "behind the program's back",
    "comment.added": "in the comment table but never written by the audit log",
    "comment.missing": "the audit log wrote it but the comment table has no such row",
    "comment.differs": "the comment table's text differs from what the audit log wrote",
    "submission.added": "in the submission table (submitted={submitted}) but never in the log",
    "submission.missing": "the audit log wrote it but the submission table has no such row",
    "submission.differs": "the table says submitted={submitted}, the audit log says "
    "submitted={logged}",
    "package.altered": "the kept copy no longer matches the file that was imported",
    "package.bad_signature": "the kept copy fails verification ({reason})",
    "anchor.missing": "it vouches for the chair's audit log up to row {head:.16}..., and the log "
    "no longer holds that row: the log was rewritten (re-hashed) or cut since",
    "score.not_signed": "the audit log says it came from the juror-signed package {package}, but "
    "that package does not hold {value} (revision {revision}): not the juror's score",
    "score.no_receipt": "the audit log says it came from package {package}, which the event "
    "has no record of importing",
    "against.head_missing": "it certifies the audit log up to row {head:.16}..., and the event's "
    "log no longer holds that row: the log's tail was cut or rewritten since",
    "against.changed_unlogged": "no audit row was written since it was made, yet the data changed "
    "(fingerprint then {then}, now {now})",
    "against.log_diverges": "the event's audit log differs from this file's at row {row} (of "
    "{rows}): the log was cut or rewritten since",
    "against.package_refused": "{reason}",
    "against.not_imported": "the event has no record of importing this package",
    "against.copy_not_kept": "the event does not keep this juror-signed package as imported",
    "against.score_forged": "the juror signed {value} (note '{note}', revision {revision}) in "
    "{package}, but the event's log holds {logged_value} (note '{logged_note}') at that revision: "
    "the score was forged",
    "against.score_missing": "the juror signed {value} (revision {revision}) in {package}, and "
    "the event's log holds neither it nor a later revision",
    "audit.bulk_unreadable": "this row itemises the cells of a bulk write (an event workbook "
    "import), and its record cannot be read back or no longer matches its own hash: damaged or "
    "altered, so those cells are not vouched for",
}


def describe(finding: Finding) -> str:
    template = _WORDS.get(finding.code, finding.code)
    params = _blank(template) | dict(finding.params)
    return f"{finding.where}: {template.format(**params)}"


def _blank(template: str) -> dict[str, str]:
    """Parameters a template names that a finding lacks print as empty, never as an error."""
    import string

    names = {name for _t, name, _f, _c in string.Formatter().parse(template) if name}
    return dict.fromkeys(names, "")


def proof_summary(proof: Proof) -> str:
    if not proof.applicable:
        return (
            "juror kit: its audit log starts when the kit was made, so only the chain is "
            "checked; the chair's event proves the scores"
        )
    return (
        f"audit log replayed ({proof.rows} rows) and matching the score, comment and "
        f"submission tables; {proof.juror_signed} score(s) verified against the juror's own "
        f"signature ({proof.signed_packages} signed package(s), {proof.anchors} anchor(s) of "
        f"the log intact), {proof.chair_entries} entered by the chair, {proof.unsigned} not "
        f"juror-signed; audit head {proof.head[:16] or '-'}"
    )


def against_summary(against: Against, name: str) -> str:
    since = f"{against.rows_since} audit row(s) written since"
    if against.kind == "report":
        data = (
            "the data is unchanged"
            if against.same_data
            else "the data has changed since, through the log"
        )
        return (
            f"{name}: the event's history still contains the state this report certifies "
            f"(fingerprint {against.fingerprint}, audit head {against.head[:16]}); {since}; {data}"
        )
    if against.kind == "backup":
        return f"{name}: the event's audit log continues this backup's unchanged; {since}"
    return f"{name}: every score of this package is in the event's history"
