// Error bodies, read leniently: an error is reported even when its body is only half recognisable.
// [OA#ExceptionResponse] (400 default, deprecated), [OA#BadRequestProblemDetails], [OA#TooManyRequestsResponse],
// [OA#TooManyRequestsProblemDetails], [OA#UnauthorizedProblemDetails], [OA#ForbiddenProblemDetails],
// [OA#GoneProblemDetails]; NOTES §10.
import * as z from 'zod/mini';

const Details = z.nullish(z.array(z.string()));

export const ExceptionResponse = z.lazy(() => z.object({
  exception: z.object({
    exceptionDetailList: z.nullish(
      z.array(
        z.object({
          exceptionCode: z.number().check(z.int()),
          exceptionDescription: z.nullish(z.string()),
          details: Details,
        }),
      ),
    ),
    referenceNumber: z.nullish(z.string()),
    serviceCode: z.nullish(z.string()),
    serviceCtx: z.nullish(z.string()),
    serviceName: z.nullish(z.string()),
    timestamp: z.nullish(z.string()),
  }),
}));
export type ExceptionResponse = z.infer<typeof ExceptionResponse>;

/** One shape for every problem+json variant (400, 401, 403, 410, 429). */
export const ProblemDetails = z.lazy(() => z.object({
  title: z.nullish(z.string()),
  status: z.nullish(z.number().check(z.int())),
  instance: z.nullish(z.string()),
  detail: z.nullish(z.string()),
  errors: z.nullish(
    z.array(z.object({ code: z.number().check(z.int()), description: z.nullish(z.string()), details: Details })),
  ),
  reasonCode: z.nullish(z.string()),
  security: z.nullish(
    z.object({
      requiredAnyOfPermissions: z.nullish(z.array(z.string())),
      presentPermissions: z.nullish(z.array(z.string())),
    }),
  ),
  timestamp: z.nullish(z.string()),
  traceId: z.nullish(z.string()),
}));
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const TooManyRequestsResponse = z.lazy(() => z.object({
  status: z.object({ code: z.number().check(z.int()), description: z.string(), details: Details }),
}));
export type TooManyRequestsResponse = z.infer<typeof TooManyRequestsResponse>;
