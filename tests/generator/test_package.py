"""The package stays framework-free and exposes the documented API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import course.generator as generator

PACKAGE = Path(generator.__file__).resolve().parent


def test_it_imports_no_django() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        assert "django" not in path.read_text(encoding="utf-8").lower(), path
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, course.generator as g; "
            "g.build_draft('Bees make honey. Honey feeds bees. Bees sleep in winter.'); "
            "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parents[1],
    )
    assert result.stdout.strip() == "False"


def test_every_exported_name_is_importable_and_documented() -> None:
    """`__all__` is the documented API: each name resolves, is public, and says what it is
    (a docstring of its own for a function or class; a constant is checked by value)."""
    names = generator.__all__
    assert names and len(set(names)) == len(names)
    missing = [name for name in names if not hasattr(generator, name)]
    assert not missing, f"in __all__ but not importable: {missing}"
    for name in names:
        assert not name.startswith("_"), name
        value = getattr(generator, name)
        if callable(value):
            doc = (value.__doc__ or "").strip()
            # a dataclass without one gets its signature as __doc__
            assert doc and not doc.startswith(f"{name}("), f"{name} has no docstring"
    assert generator.MAX_INPUT_BYTES == 200_000
    assert 0 < generator.MIN_CONFIDENCE < 1
    assert issubclass(generator.InputError, ValueError)
