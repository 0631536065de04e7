from tests.matrix import Case
from troth.notifications.services import notify


def alices_notification(world):
    notification = notify(
        user=world.alice,
        kind="space.joined",
        key=f"matrix:{notify.__name__}:{id(world)}:{world.alice.notifications.count()}",
    )
    return {"pk": notification.pk}


CASES = {
    "notifications:open": [
        Case("alice's notification", alices_notification, {"alice"}, method="POST"),
    ],
}
