// Error bodies, read leniently: an error is reported even when its body is only half recognisable.
// [OA#ExceptionResponse] (400 default, deprecated), [OA#BadRequestProblemDetails], [OA#TooManyRequestsResponse],
// [OA#TooManyRequestsProblemDetails], [OA#UnauthorizedProblemDetails], [OA#ForbiddenProblemDetails],
// [OA#GoneProblemDetails]; NOTES §10.
import { z } from 'zod';

const Details = z.array(z.string()).nullish();

export const ExceptionResponse = z.object({
  exception: z.object({
    exceptionDetailList: z
      .array(
        z.object({
          exceptionCode: z.number().int(),
          exceptionDescription: z.string().nullish(),
          details: Details,
        }),
      )
      .nullish(),
    referenceNumber: z.string().nullish(),
    serviceCode: z.string().nullish(),
    serviceCtx: z.string().nullish(),
    serviceName: z.string().nullish(),
    timestamp: z.string().nullish(),
  }),
});
export type ExceptionResponse = z.infer<typeof ExceptionResponse>;

/** One shape for every problem+json variant (400, 401, 403, 410, 429). */
export const ProblemDetails = z.object({
  title: z.string().nullish(),
  status: z.number().int().nullish(),
  instance: z.string().nullish(),
  detail: z.string().nullish(),
  errors: z
    .array(z.object({ code: z.number().int(), description: z.string().nullish(), details: Details }))
    .nullish(),
  reasonCode: z.string().nullish(),
  security: z
    .object({
      requiredAnyOfPermissions: z.array(z.string()).nullish(),
      presentPermissions: z.array(z.string()).nullish(),
    })
    .nullish(),
  timestamp: z.string().nullish(),
  traceId: z.string().nullish(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const TooManyRequestsResponse = z.object({
  status: z.object({ code: z.number().int(), description: z.string(), details: Details }),
});
export type TooManyRequestsResponse = z.infer<typeof TooManyRequestsResponse>;
