import "server-only";
// Payments: fee rules, quotes, orders, the gateway (sandbox or WeChat Pay) and its notifications, the query job, coupons, the saver card.
import "./cards"; // registers what a paid saver-card order does
import "./sandbox"; // registers the sandbox's notification sender
import "./query"; // registers the query job that settles an order whose notification was lost
export { feeRules, FEE_RULES_KEY } from "./rules";
export { orderCreate, orderFor, ordersFor, contractFee, feeAtInitiation, refundContractFee, quoteFor, registerOrderPaid, orderInsert, orderCheckout, orderCheckoutResult, orderPayStep, lockFees, orderRefundStart, orderSubjects, payPagePath, type OrderRow, type PayClient, type StoredPayStep } from "./orders";
export { paymentNoticeHandle, settlePayment, type SettleOutcome } from "./notify";
export { orderQueryOnce, QUERY_EVERY_MS } from "./query";
export { jsapiOAuthHandle } from "./jsapi";
export { paymentConfigProblems, PAY_GATEWAYS } from "./settings";
export { couponRedeem, couponWallet, type CouponView } from "./coupons";
export { cardsOf } from "./cards";
export * from "./gateway";
export * from "./sandbox";
