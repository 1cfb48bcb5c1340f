"""Browser journeys. The `browser` fixture (Debian's Chromium) is in tests/conftest.py,
shared with the hostile-input tests: Playwright's sync API allows one instance at a time."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def mailed_link(base_url: str) -> str:
    """The sign-up link in the last e-mail sent (the live server shares the test's
    in-memory outbox), on the live server."""
    from django.core import mail

    (path,) = re.findall(r"https?://[^/\s]+(/accounts/signup/finish/\S+/)", mail.outbox[-1].body)
    return base_url + path


def wait_for_htmx(page) -> None:
    """Until htmx has done its request, swap and settle (with JavaScript on only: the wait
    polls in the page). A swapped-in form gets its [autofocus] field focused only when it
    settles, a few milliseconds after it appears: text typed in between (Playwright's fill
    focuses, then types) lands wherever that focus goes, in the wrong field."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


# --- accessibility -------------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
# Problems that are Django admin's own: listed at the end of the run, not failed on.
THIRD_PARTY_REPORT: list[str] = []
CHECKED: list[str] = []


def format_violations(violations: list[dict], max_nodes: int = 20) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        nodes = violation["nodes"]
        for node in nodes[:max_nodes]:
            lines.append(f"    {', '.join(map(str, node['target']))}")
        if len(nodes) > max_nodes:
            lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "\n".join(lines)


class AxeChecker:
    """axe-core (WCAG 2.1 A and AA rules) on the page as it is now.

    The pages forbid inline scripts, yet no `bypass_csp` is needed: Playwright's evaluate
    injects axe over the DevTools protocol, which the page's CSP does not govern (and axe
    adds no inline script or style of its own). So the journeys that call this keep the
    real policy and can still fail on console errors, CSP violations included.
    """

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self._axe = Axe()

    def __call__(self, page, *, third_party: bool = False, ours: str | None = None) -> None:
        """Fail on serious or critical violations; on a `third_party` page (Django admin's
        markup) only record them, except those inside the `ours` selector (our template
        within admin's chrome), which still fail."""
        results = self._run(page)
        serious = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
        where = page.url
        CHECKED.append(where)
        failing, reported = serious, []
        if third_party:
            failing, reported = [], serious
            if ours:
                failing, reported = self._split(page, serious, ours)
        if reported:
            report_third_party(where, format_violations(reported, max_nodes=3))
        if failing:
            pytest.fail(
                f"axe-core: serious or critical WCAG 2.1 AA violations on {where}\n"
                + format_violations(failing),
                pytrace=False,
            )

    def _run(self, page) -> dict:
        """axe's results on the settled page. A click that navigates returns once the new
        document is committed, before it has loaded: axe started then finds no document
        ("reading 'documentElement'") or loses its context to the navigation. Such a run
        checked nothing, so it is started again on the loaded page (three tries at most);
        any other error, or a third transient one, fails the test."""
        from playwright.sync_api import Error as PlaywrightError

        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        for attempt in range(3):
            page.wait_for_load_state("load")
            # htmx marks swapped content for a few milliseconds; check the settled page.
            wait_for_htmx(page)
            try:
                return self._axe.run(page, options=options).response
            except PlaywrightError as error:
                transient = "documentElement" in str(error) or "context was destroyed" in str(error)
                if not transient or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _split(page, violations: list[dict], ours: str) -> tuple[list[dict], list[dict]]:
        """(violations with nodes inside `ours`, the rest), node by node."""
        inside, outside = [], []
        for violation in violations:
            mine = [
                node
                for node in violation["nodes"]
                if page.evaluate(
                    "([target, ours]) => !!document.querySelector(target)?.closest(ours)",
                    [node["target"][-1], ours],
                )
            ]
            theirs = [node for node in violation["nodes"] if node not in mine]
            if mine:
                inside.append({**violation, "nodes": mine})
            if theirs:
                outside.append({**violation, "nodes": theirs})
        return inside, outside


@pytest.fixture
def axe() -> AxeChecker:
    """axe(page) fails the test on any serious or critical violation; axe(page,
    third_party=True) only records them (Django admin's own markup), and axe(page,
    third_party=True, ours="#content form") fails on those inside our own part."""
    return AxeChecker()


def report_third_party(where: str, text: str) -> None:
    """Note a problem that is Django admin's own, for the summary at the end of the run."""
    THIRD_PARTY_REPORT.append(f"{where}\n{text}")


def pytest_sessionfinish(session: pytest.Session) -> None:
    # On a pytest-xdist worker: hand this worker's notes to the controller, which gathers
    # them and prints the summary (both in tests/conftest.py, which the controller loads).
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["axe"] = {"checked": CHECKED, "third_party": THIRD_PARTY_REPORT}


def write_summary(terminalreporter) -> None:
    """The pages axe-core checked and Django admin's own problems, at the end of the run."""
    if CHECKED:
        paths = {re.sub(r"^https?://[^/]+", "", url) for url in CHECKED}
        terminalreporter.write_line(
            f"axe-core checked {len(CHECKED)} page states ({len(paths)} distinct URLs)."
        )
    if THIRD_PARTY_REPORT:
        terminalreporter.write_sep("-", "Django admin's own problems (reported, not failed)")
        for entry in THIRD_PARTY_REPORT:
            terminalreporter.write_line(entry)
