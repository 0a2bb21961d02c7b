"""Training modules: the checks a schema cannot make (totals that add up), and what module
pages and handouts show of a session (its materials, its questions, its timetable)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Case, Record, Training, TrainingSession
from generator.sources.loading import dotted_path
from generator.sources.problems import ProblemList

EDITIONS = {False: "学员版", True: "教师版"}


def check_training(module: Training, problems: ProblemList) -> None:
    """Minutes that do not add up, and case discussions without a case."""
    total = sum(session.minutes for session in module.sessions)
    if total != module.duration:
        _add(
            module,
            ("duration",),
            problems,
            f"各教学单元的时长合计 {total} 分钟，与总时长 {module.duration} 分钟不一致："
            f"请把 duration 改为 {total}，或调整各单元的 minutes。",
            rule="training-duration",
        )
    for index, session in enumerate(module.sessions):
        notes = session.teaching_notes
        if notes is not None and notes.timing:
            planned = sum(step.minutes for step in notes.timing)
            if planned != session.minutes:
                _add(
                    module,
                    ("sessions", index, "teaching_notes", "timing"),
                    problems,
                    f"时间安排各环节合计 {planned} 分钟，与本单元时长 {session.minutes} 分钟"
                    "不一致：请调整各环节的 minutes，或本单元的 minutes。",
                    rule="training-timing",
                )
        if session.kind == "案例研讨" and not session.cases:
            _add(
                module,
                ("sessions", index, "kind"),
                problems,
                "案例研讨单元至少要用一个案例：请在本单元的 cases 中填写案例 id，"
                "或把 kind 改为 讲授、实操演练 或 交流。",
                rule="training-case-missing",
            )


def _add(module: Training, path: tuple, problems: ProblemList, message: str, *, rule: str) -> None:
    line, column = module._positions.get(path, (1, 1))
    problems.add(module._file, line, column, dotted_path(path), message, rule=rule)


# what the 时间安排 shows, instead of a clock time, for a step that takes no class time
BEFORE_CLASS, AFTER_CLASS, UNTIMED = "课前完成", "课后完成", "不单独计时"


@dataclass
class StepView:
    """One step of a session's 时间安排: timed from the module's start like the timetable, or,
    taking no class time (0 minutes), done before class, after it or alongside."""

    step: str
    minutes: int
    start: int
    outside_class: str | None  # BEFORE_CLASS, AFTER_CLASS or UNTIMED for a step of 0 minutes

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass
class SessionView:
    """One session as pages show it: its materials resolved, its place in the timetable."""

    number: int
    session: TrainingSession
    start: int  # minutes from the start of the module
    cases: list[Case]
    practices: list[Record]
    policies: list[Record]
    checklists: list[Record]

    @property
    def end(self) -> int:
        return self.start + self.session.minutes

    @property
    def own_questions(self) -> list[str]:
        return list(self.session.questions)

    def questions_for(self, case: Case) -> list[str]:
        """A case's own questions are used where the session sets none."""
        return [] if self.session.questions else list(case.discussion_questions)

    @property
    def steps(self) -> list[StepView]:
        """The teaching notes' 时间安排; a step of 0 minutes (课前阅读) is not a 0-minute slot
        but work done before the first timed step, after the last, or alongside."""
        notes = self.session.teaching_notes
        timing = notes.timing if notes else []
        timed = [index for index, step in enumerate(timing) if step.minutes]
        views, start = [], self.start
        for index, step in enumerate(timing):
            outside = None
            if not step.minutes:
                outside = (
                    BEFORE_CLASS
                    if not timed or index < timed[0]
                    else AFTER_CLASS
                    if index > timed[-1]
                    else UNTIMED
                )
            views.append(StepView(step.step, step.minutes, start, outside))
            start += step.minutes
        return views

    @property
    def all_questions(self) -> list[str]:
        if self.session.questions:
            return list(self.session.questions)
        return [q for case in self.cases for q in case.discussion_questions]


def session_views(module: Training, library) -> list[SessionView]:
    """The sessions in order, with published materials only (drafts are left out)."""
    views, start = [], 0
    for number, session in enumerate(module.sessions, start=1):
        found = {
            name: [r for r in (library.get(kind, i) for i in getattr(session, name)) if r]
            for name, kind in (
                ("cases", "case"),
                ("practices", "practice"),
                ("policies", "policy"),
                ("checklists", "checklist"),
            )
        }
        views.append(SessionView(number, session, start, **found))
        start += session.minutes
    return views


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, for the timetable."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def handout_page(module: Training, teacher: bool = False) -> str:
    """Where the module's handout page sits in the docs tree."""
    return f"{module.folder}/{module.id}/{'teacher' if teacher else 'handout'}.md"


def handout_pdf(module: Training, teacher: bool = False) -> str:
    """Where the build writes the module's handout as a PDF (with ``kb build --pdf``)."""
    return f"{module.folder}/{module.id}/{module.id}-{'teacher' if teacher else 'handout'}.pdf"


def public_editions(module: Training) -> list[bool]:
    """The editions the site publishes: the learners', and the trainers' only on request."""
    return [False, True] if module.publish_teacher_edition else [False]
