from tests.matrix import Case
from troth.spaces.models import Invitation


def invitation(world):
    invitation, _ = Invitation.new(space=world.space, created_by=world.alice)
    invitation.save()
    return {"pk": invitation.pk}


CASES = {
    "spaces:invitation_revoke": [
        Case("alice's invitation", invitation, {"alice", "bob"}, method="POST"),
    ],
}

EXEMPT = {
    # The token is the capability itself: whoever holds the link may open it.
    # Its bad-link paths are tested in test_spaces.py.
    "spaces:join": "capability link",
    # Not an object: the public documentation of how a figure is computed,
    # the same for everyone (tests/test_errors.py covers bad slugs).
    "figure_derivation": "documentation page",
}
