from tests.matrix import Case
from troth.notifications.models import PushSubscription
from troth.notifications.services import notify


def alices_notification(world):
    notification = notify(
        user=world.alice,
        kind="space.joined",
        key=f"matrix:{notify.__name__}:{id(world)}:{world.alice.notifications.count()}",
    )
    return {"pk": notification.pk}


def alices_push_device(world):
    subscription = PushSubscription.objects.create(
        user=world.alice,
        endpoint=f"https://fcm.googleapis.com/fcm/send/matrix-{id(world)}-"
        f"{PushSubscription.objects.count()}",
        p256dh="unused-here",
        auth="unused-here",
        session_digest="0" * 40,
    )
    return {"pk": subscription.pk}


CASES = {
    "notifications:open": [
        Case("alice's notification", alices_notification, {"alice"}, method="POST"),
    ],
    "notifications:push_subscription": [
        Case("alice's device", alices_push_device, {"alice"}, method="DELETE"),
    ],
    "notifications:push_subscription_delete": [
        Case("alice's device", alices_push_device, {"alice"}, method="POST"),
    ],
}
