"""The demo couple's exercises."""

from __future__ import annotations

import random

import pytest
from django.utils import timezone

from conftest import make_space, make_user
from troth.demo import Demo
from troth.exercises import demo
from troth.exercises.models import ExerciseLog, Session

pytestmark = pytest.mark.django_db


def test_a_few_exercises_done_and_logged(db):
    alex, sam = make_user("alex"), make_user("sam")
    couple = Demo(
        space=make_space(alex, sam),
        alex=alex,
        sam=sam,
        now=timezone.now(),
        rng=random.Random(7),
    )
    demo.populate(couple)
    done = Session.objects.filter(starts_at__lt=couple.now)
    assert done.count() >= 4
    assert ExerciseLog.objects.filter(visibility="shared").count() >= 5
    assert ExerciseLog.objects.filter(visibility="private").exists()
    coming = Session.objects.get(starts_at__gt=couple.now)
    assert coming.event is not None
