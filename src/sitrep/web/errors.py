"""One JSON error shape for every error the REST API returns.

    {"error": {"code": "not_found", "message": "...", "details": ...}}

Validation errors (422), unknown routes (404), wrong methods (405), auth (401/403) and
unexpected failures (500) all come out in this shape, so a client needs one error path.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("sitrep.web")

# HTTP status -> a stable machine-readable code (clients branch on this, not on the message)
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "invalid_input",
          500: "internal_error"}


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    """The shape of every error (documented in the OpenAPI schema)."""

    error: ErrorBody


class ApiError(Exception):
    """Raised by a route to answer with the error shape."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 details: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.details = details
        self.headers = headers


def error_response(status: int, code: str, message: str, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def _validation_details(error: RequestValidationError) -> list[dict[str, Any]]:
    # keep loc/msg/type only: pydantic's `input` and `ctx` may hold non-JSON values
    return [{"loc": list(item.get("loc", ())), "msg": item.get("msg", ""),
             "type": item.get("type", "")} for item in error.errors()]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message, error.details, error.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        details = _validation_details(error)
        where = ", ".join(".".join(str(p) for p in d["loc"]) + ": " + d["msg"] for d in details)
        return error_response(422, "invalid_input", f"invalid input: {where}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else "error"
        if error.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path}"
        return error_response(error.status_code, _CODES.get(error.status_code, "error"), message,
                              headers=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"{type(error).__name__}: internal error")
