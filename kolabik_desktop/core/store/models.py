"""SQLAlchemy 2 models of one competition: the event file ``NAME.kolabik``.

Everything a jury produces lives here: rubric, entries (with attachments), jurors, scores, notes,
submissions, the jury's recorded decisions and an append-only, hash-chained audit log.

Exact numbers (weights, ranges, scores) are stored as decimal *text* so that no binary float ever
touches a score (scoring.md section 4) and the SQL stays portable to PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Stable constraint names make Alembic migrations (batch mode on SQLite) predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored as its canonical text, so it round-trips exactly on any database."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        d = value if isinstance(value, Decimal) else Decimal(str(value))
        if not d.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        # normalize() drops trailing zeros; format 'f' keeps it out of exponent notation.
        text = format(d.normalize(), "f")
        return "0" if text in ("-0", "") else text

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(Base):
    """The one row describing the competition held in this file."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # uuid4, fixed at creation
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    organiser: Mapped[str] = mapped_column(String(200), default="")
    precision: Mapped[int] = mapped_column(Integer, default=2)  # display decimals
    # "standard" = scoring.md 4 (latest stage, then criteria); "none" = ties share a rank.
    tiebreak: Mapped[str] = mapped_column(String(20), default="standard")
    round_stage_scores: Mapped[bool] = mapped_column(Boolean, default=False)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    # "event" for a chair's file; "kit" for a juror kit (then kit_juror_id says whose).
    kind: Mapped[str] = mapped_column(String(10), default="event")
    kit_juror_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))


class Category(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Stage(Base):
    __tablename__ = "stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    weight: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    method: Mapped[str] = mapped_column(String(20), default="mean")
    band: Mapped[Decimal | None] = mapped_column(DecimalText)  # L for "banded"
    scale_min: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    scale_max: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(100))
    # Cumulative ranking weights over this and earlier stages, e.g. "S1:30 S2:70"; "" = none.
    cumulative: Mapped[str] = mapped_column(String(400), default="")
    # Presentation slot parts as JSON: [{"name": "Video", "minutes": 3}, ...]; "" = none.
    slot_parts: Mapped[str] = mapped_column(Text, default="")

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="stage", order_by="Criterion.position", cascade="all, delete-orphan"
    )


class Criterion(Base):
    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("stage_id", "code", name="uq_criterion_stage_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[Decimal] = mapped_column(DecimalText)
    min_value: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    max_value: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(100))
    step: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(1))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Level descriptors as JSON: [{"value": 60, "text": "..."}, ...]; "" = none.
    descriptors: Mapped[str] = mapped_column(Text, default="")

    stage: Mapped[Stage] = relationship(back_populates="criteria")


class Entry(Base):
    __tablename__ = "entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(400))
    unit: Mapped[str] = mapped_column(String(300), default="")
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("category.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")

    category: Mapped[Category | None] = relationship()


class Attachment(Base):
    """A file stored inside the event (a proposal PDF, a photo), so copying the file copies it."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Juror(Base):
    __tablename__ = "juror"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    # HMAC key for this juror's score packages; generated when the first kit is exported.
    secret_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Chair's event: the juror's Ed25519 public key, trusted from their first signed package.
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary)


class StageAdmission(Base):
    """Entries admitted to a stage. The first stage (lowest position) admits every entry."""

    __tablename__ = "stage_admission"

    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stage.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )


class Assignment(Base):
    """Juror-to-entry assignments per stage. A stage with no rows assigns everyone to everything."""

    __tablename__ = "assignment"

    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stage.id", ondelete="CASCADE"), primary_key=True
    )
    juror_id: Mapped[int] = mapped_column(
        ForeignKey("juror.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )


class Conflict(Base):
    """A conflict of interest: the juror is recused from the entry in every stage."""

    __tablename__ = "conflict"

    juror_id: Mapped[int] = mapped_column(
        ForeignKey("juror.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")


class Score(Base):
    """One juror's value for one entry on one criterion. value NULL = cleared."""

    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("juror_id", "entry_id", "criterion_id", name="uq_score_cell"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    juror_id: Mapped[int] = mapped_column(ForeignKey("juror.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("criterion.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(Text, default="")
    # Revisions grow by one per change of this cell; the merge keeps the higher one.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[str] = mapped_column(String(32))


class Comment(Base):
    """A juror's overall comment on an entry in a stage."""

    __tablename__ = "comment"

    juror_id: Mapped[int] = mapped_column(
        ForeignKey("juror.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stage.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[str] = mapped_column(String(32))


class Submission(Base):
    """A juror's submission state for a stage: submitted scores are read-only until reopened."""

    __tablename__ = "submission"

    juror_id: Mapped[int] = mapped_column(
        ForeignKey("juror.id", ondelete="CASCADE"), primary_key=True
    )
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stage.id", ondelete="CASCADE"), primary_key=True
    )
    submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[str] = mapped_column(String(32))


class Decision(Base):
    """A place the jury decided that no rule produces (ex-aequo, or an order for a tie).

    stage_id NULL means the final ranking.
    """

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("stage_id", "entry_id", name="uq_decision_stage_entry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stage.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")


class PackageReceipt(Base):
    """A score package imported into the chair's file (for progress and idempotent imports)."""

    __tablename__ = "package_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    juror_id: Mapped[int] = mapped_column(ForeignKey("juror.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))  # when the juror's app wrote it
    imported_at: Mapped[str] = mapped_column(String(32))
    # The exact bytes of a juror-signed package (None for old HMAC-only ones), for re-verifying.
    document: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class AuditLog(Base):
    """Append-only log of every change to scores and rubric, hash-chained (see store.audit)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200), default="")  # juror code, "chair", "system"
    action: Mapped[str] = mapped_column(String(40))  # e.g. score.set, rubric.update
    source: Mapped[str] = mapped_column(String(400), default="")  # "local", a package file name
    subject: Mapped[str] = mapped_column(Text, default="")  # JSON: what was changed
    old: Mapped[str] = mapped_column(Text, default="")  # JSON
    new: Mapped[str] = mapped_column(Text, default="")  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class LiveOutbox(Base):
    """A juror kit's unsent change: the saved cell, queued by a trigger in the saving transaction.

    kind "score": key_a = score id; "comment": juror, entry, stage; "submission": juror, stage.
    Rows leave the queue when the chair's hub acknowledges them (core/exchange/live.py).
    """

    __tablename__ = "live_outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    key_a: Mapped[int] = mapped_column(Integer)
    key_b: Mapped[int] = mapped_column(Integer)
    key_c: Mapped[int] = mapped_column(Integer)
    queued_at: Mapped[str] = mapped_column(String(32))


class Setting(Base):
    """Per-file key/value settings (e.g. the kit's outbox folder)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Panel(Base):
    """Issue 16: a named group of jurors judging some entries (by category or listed), with its
    chair. On a server, ``db_role`` is the PostgreSQL role its chair connects as; row-level
    security lets that role write only this panel's scores, comments and submissions."""

    __tablename__ = "panel"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    chair: Mapped[str] = mapped_column(String(200), default="")
    db_role: Mapped[str | None] = mapped_column(String(63), unique=True)


class PanelJuror(Base):
    __tablename__ = "panel_juror"

    panel_id: Mapped[int] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), primary_key=True
    )
    juror_id: Mapped[int] = mapped_column(
        ForeignKey("juror.id", ondelete="CASCADE"), primary_key=True
    )


class PanelCategory(Base):
    __tablename__ = "panel_category"

    panel_id: Mapped[int] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), primary_key=True
    )


class PanelEntry(Base):
    __tablename__ = "panel_entry"

    panel_id: Mapped[int] = mapped_column(
        ForeignKey("panel.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
