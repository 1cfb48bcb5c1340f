"""The production settings with one more URL, for `make bench`'s write floor only."""

from course.settings import *  # noqa: F403

ROOT_URLCONF = "tests.load.floor_urls"
