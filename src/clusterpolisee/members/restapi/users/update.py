"""``PATCH @users/<id>``: plone.restapi's change of an account's data, under the rules that held
when it registered (``profile_change_problems``): 400 with a message per field, nothing changed."""

from clusterpolisee.members.registration import profile_change_problems
from plone.restapi.deserializer import json_body
from plone.restapi.services.users.update import UsersPatch as BaseUsersPatch


class UsersPatch(BaseUsersPatch):
    def reply(self):
        data = json_body(self.request)
        if len(self.params) == 1 and isinstance(data, dict):
            problems = profile_change_problems(self.params[0], data, manager=self.can_manage_users)
            if problems:
                errors = [
                    {"field": name, "message": self.translate(message)}
                    for name, message in problems.items()
                ]
                self.request.response.setStatus(400)
                return {
                    "error": {
                        "type": "BadRequest",
                        "message": " ".join(f"{e['field']}: {e['message']}" for e in errors),
                        "errors": errors,
                    }
                }
        return super().reply()
