package com.certportal.web;

import com.certportal.action.ActionRefused;
import com.certportal.action.BadRequestException;
import com.certportal.action.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Exceptions to real statuses and translated pages; raw exception text never reaches a user. */
@ControllerAdvice
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final WebMessages messages;

    WebErrors(WebMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e) {
        log.debug("404: {}", e.getMessage());
        return "error/404";
    }

    /** A refusal no controller turned into a re-shown form: its translated message, with its status. */
    @ExceptionHandler(ActionRefused.class)
    String refused(ActionRefused refused, Model model, HttpServletResponse response) {
        messages.showRefusal(refused, model, response);
        return "error/refused";
    }

    /**
     * O1, O2: a form whose file is beyond the server's upload limit (a key, an archive, anything but a
     * CSR) is the client's mistake: the translated page, rendered here and now. Left to the container,
     * the answer was a 413 with an empty body, as it stops reading such an upload.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(MaxUploadSizeExceededException e) {
        log.debug("413: {}", e.getMessage());
        return "error/413";
    }

    @ExceptionHandler({
        BadRequestException.class,
        BindException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        HandlerMethodValidationException.class
    })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e) {
        log.debug("400: {}", e.getMessage());
        return "error/400";
    }
}
