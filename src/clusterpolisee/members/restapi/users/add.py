"""``POST @users``: plone.restapi's account creation, under the registration form's rules
(``registration_problems``): 400 with the form's messages, field by field, and no account made.
Who manages users (a list, a CSV import) is held only to what no account may break: an e-mail
address and a login of its own (``identity_problems``).

A registrant who gives an address an account has is answered as any registrant, and no account
is made (authentication/accounts.py, ``registered_answer``). ``@users/<login>/reset-password``
answers the same for a login or an address no account has (``EqualResetAnswers``)."""

from clusterpolisee.authentication.accounts import EqualResetAnswers
from clusterpolisee.authentication.accounts import registered_answer
from clusterpolisee.members.registration import email_taken
from clusterpolisee.members.registration import identity_problems
from clusterpolisee.members.registration import registration_problems
from plone.restapi.services.users.add import UsersPost as BaseUsersPost
from zExceptions import BadRequest


class UsersPost(EqualResetAnswers, BaseUsersPost):
    def _add_user(self, data, location=True):
        check = identity_problems if self.can_manage_users else registration_problems
        problems = check(data)
        if not problems:
            email = data.get("email")
            if not self.can_manage_users and isinstance(email, str) and email_taken(email):
                return registered_answer(self, data, location=location)
            return super()._add_user(data, location=location)
        errors = [
            {"field": name, "message": self.translate(message)}
            for name, message in problems.items()
        ]
        text = " ".join(f"{error['field']}: {error['message']}" for error in errors)
        if not location:
            # One of several accounts (a list or a CSV file): none of them is made.
            raise BadRequest(text)
        self.request.response.setStatus(400)
        return {"error": {"type": "WrongParameterError", "message": text, "errors": errors}}
